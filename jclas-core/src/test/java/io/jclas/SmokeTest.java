package io.jclas;
import ai.djl.ndarray.*;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.*;
class SmokeTest {
  @Test void torch() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertEquals(6f, m.create(new float[]{1,2,3}).sum().getFloat());
      System.out.println(m.getEngine().getEngineName() + " " + m.getEngine().getVersion());
    }
  }
}
