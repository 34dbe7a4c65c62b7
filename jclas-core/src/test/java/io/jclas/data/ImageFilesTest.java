package io.jclas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jclas.JclasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void expandsFoldersAndListFiles() throws IOException {
        Path imgs = Files.createDirectories(dir.resolve("imgs/sub"));
        Files.write(dir.resolve("imgs/b.png"), new byte[1]);
        Files.write(dir.resolve("imgs/a.JPG"), new byte[1]);
        Files.write(imgs.resolve("c.bmp"), new byte[1]);
        Files.write(dir.resolve("imgs/notes.md"), new byte[1]);
        assertEquals(List.of(dir.resolve("imgs/a.JPG"), dir.resolve("imgs/b.png"), imgs.resolve("c.bmp")),
                ImageFiles.resolve(dir.resolve("imgs")));

        Path list = Files.writeString(dir.resolve("list.txt"), "# test images\nimgs/b.png 3\n\nimgs/sub/c.bmp\n");
        assertEquals(List.of(dir.resolve("imgs/b.png"), imgs.resolve("c.bmp")), ImageFiles.resolve(list));
        assertEquals(List.of(dir.resolve("imgs/b.png")), ImageFiles.resolve(dir.resolve("imgs/b.png")));
    }

    /** As before the listing reused the walk's attributes: linked images count, linked folders are not entered. */
    @Test
    void linksToImagesCountLinksToFoldersAreNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.write(elsewhere.resolve("x.png"), new byte[1]);
        Path imgs = Files.createDirectories(dir.resolve("imgs"));
        Files.write(imgs.resolve("a.png"), new byte[1]);
        Files.createSymbolicLink(imgs.resolve("linked.png"), elsewhere.resolve("x.png"));
        Files.createSymbolicLink(imgs.resolve("folder"), elsewhere);
        Files.createSymbolicLink(imgs.resolve("broken.png"), dir.resolve("gone.png"));
        assertEquals(List.of(imgs.resolve("a.png"), imgs.resolve("linked.png")), ImageFiles.resolve(imgs));
    }

    @Test
    void missingPathsAreUserErrors() throws IOException {
        JclasException e = assertThrows(JclasException.class, () -> ImageFiles.resolve(dir.resolve("nope.png")));
        assertTrue(e.getMessage().startsWith("image path not found: "), e.getMessage());
        Path list = Files.writeString(dir.resolve("list.txt"), "gone.png\n");
        e = assertThrows(JclasException.class, () -> ImageFiles.resolve(list));
        assertTrue(e.getMessage().contains("gone.png"), e.getMessage());
        Files.createDirectories(dir.resolve("empty"));
        assertThrows(JclasException.class, () -> ImageFiles.resolve(dir.resolve("empty")));
    }
}
