package io.jclas.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.server.MultiPartFormInputStream;

/**
 * Reads the images of a request: raw bytes, multipart {@code image} fields, or a JSON list of base64
 * strings. The body is read once, bounded by the size limit, whatever its framing (declared length
 * or chunked), and every image passes {@link ImageGuard}.
 */
final class RequestImages {
    static final String FIELD = "image";
    private static final String TMP = System.getProperty("java.io.tmpdir");
    private static final String SINGLE_HINT = "send the bytes with Content-Type image/png, image/jpeg or "
            + "application/octet-stream, or multipart/form-data with an `image` field (curl -F image=@cat.jpg)";
    private static final String BATCH_HINT = "send multipart/form-data with several `image` fields "
            + "(curl -F image=@a.jpg -F image=@b.jpg) or JSON {\"images\": [\"<base64>\", ...]}";

    private final int maxBodyBytes;
    private final long maxPixels;
    private final int maxImages;

    RequestImages(int maxBodyBytes, long maxPixels, int maxImages) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxPixels = maxPixels;
        this.maxImages = maxImages;
    }

    /** The one image of a POST /predict. */
    BufferedImage single(HttpServletRequest req) {
        String type = mediaType(req.getContentType());
        byte[] encoded;
        if (type.equals("multipart/form-data")) {
            List<byte[]> parts = multipart(req);
            if (parts.size() != 1) {
                throw new ServingException(400, "expected one `image` field, got " + parts.size(),
                        parts.isEmpty() ? SINGLE_HINT : "send several images to POST /predict/batch");
            }
            encoded = parts.get(0);
        } else if (type.isEmpty() || type.startsWith("image/") || type.equals("application/octet-stream")) {
            // RFC 9110: without a Content-Type the recipient may assume application/octet-stream.
            encoded = body(req);
        } else {
            throw new ServingException(415, "unsupported Content-Type " + type, SINGLE_HINT);
        }
        return ImageGuard.decode(encoded, maxPixels, "image");
    }

    /** The images of a POST /predict/batch, in the order they were sent. */
    List<BufferedImage> batch(HttpServletRequest req) {
        String type = mediaType(req.getContentType());
        List<byte[]> encoded;
        if (type.equals("multipart/form-data")) {
            encoded = multipart(req);
        } else if (type.equals("application/json")) {
            encoded = base64List(body(req));
        } else {
            throw new ServingException(415, "unsupported Content-Type " + (type.isEmpty() ? "(none)" : type),
                    BATCH_HINT);
        }
        if (encoded.isEmpty()) {
            throw new ServingException(400, "the request holds no images", BATCH_HINT);
        }
        if (encoded.size() > maxImages) {
            throw new ServingException(413, encoded.size() + " images in one request, more than the limit of "
                    + maxImages, "split them into several requests");
        }
        List<BufferedImage> images = new ArrayList<>(encoded.size());
        for (int i = 0; i < encoded.size(); i++) {
            images.add(ImageGuard.decode(encoded.get(i), maxPixels, "image " + i));
        }
        return images;
    }

    /** The body's bytes; 413 past the limit (checked on the declared length first), 400 when empty. */
    byte[] body(HttpServletRequest req) {
        long declared = req.getContentLengthLong();
        if (declared > maxBodyBytes) {
            discardRest(req);
            throw tooLarge(declared);
        }
        byte[] data;
        try (InputStream in = req.getInputStream()) {
            data = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            throw new ServingException(400, "cannot read the request body: " + e.getMessage(),
                    "the client closed the connection or sent a malformed body");
        }
        if (data.length > maxBodyBytes) {
            discardRest(req);
            throw tooLarge(-1);
        }
        if (data.length == 0) {
            throw new ServingException(400, "empty request body", SINGLE_HINT);
        }
        return data;
    }

    private List<byte[]> multipart(HttpServletRequest req) {
        byte[] body = body(req);
        // Threshold above the body limit: every part stays in memory, nothing is written to disk.
        MultipartConfigElement config = new MultipartConfigElement(TMP, maxBodyBytes, maxBodyBytes, maxBodyBytes + 1);
        MultiPartFormInputStream parser = new MultiPartFormInputStream(
                new ByteArrayInputStream(body), req.getContentType(), config, new File(TMP));
        try {
            List<byte[]> images = new ArrayList<>();
            for (Part part : parser.getParts()) {
                if (FIELD.equals(part.getName())) {
                    try (InputStream in = part.getInputStream()) {
                        images.add(in.readAllBytes());
                    }
                }
            }
            return images;
        } catch (IOException | RuntimeException e) {
            throw new ServingException(400, "malformed multipart/form-data body",
                    "let the HTTP client build it, e.g. curl -F image=@cat.jpg");
        } finally {
            parser.deleteParts();
        }
    }

    private List<byte[]> base64List(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ServingException(400, "the body is not valid JSON", BATCH_HINT);
        } catch (IOException e) {
            throw new ServingException(400, "cannot read the JSON body", BATCH_HINT);
        }
        JsonNode images = root == null ? null : root.get("images");
        if (images == null || !images.isArray()) {
            throw new ServingException(400, "the JSON body has no `images` array", BATCH_HINT);
        }
        List<byte[]> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            JsonNode item = images.get(i);
            if (!item.isTextual()) {
                throw new ServingException(400, "images[" + i + "] is not a string", BATCH_HINT);
            }
            String text = item.asText();
            // Accept data URLs (data:image/png;base64,....) as browsers produce them.
            int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
            try {
                out.add(Base64.getMimeDecoder().decode(text.substring(comma + 1)));
            } catch (IllegalArgumentException e) {
                throw new ServingException(400, "images[" + i + "] is not valid base64", "encode the file's bytes "
                        + "with standard base64 (base64 -w0 cat.jpg)");
            }
        }
        return out;
    }

    /**
     * Reads and drops what is left of a refused body, up to four times the limit: a client that is
     * still sending then reads the 413 instead of a connection reset. Past that the connection closes.
     */
    private void discardRest(HttpServletRequest req) {
        long budget = 4L * maxBodyBytes;
        byte[] sink = new byte[64 * 1024];
        try {
            InputStream in = req.getInputStream();
            int n;
            while (budget > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, budget))) > 0) {
                budget -= n;
            }
        } catch (IOException e) {
            // the client went away: there is nobody left to answer
        }
    }

    private ServingException tooLarge(long declared) {
        String size = declared >= 0 ? declared + " bytes" : "more than " + maxBodyBytes + " bytes";
        return new ServingException(413, "request body is " + size + ", over the limit of "
                + maxBodyBytes / (1024 * 1024) + " MB", "send a smaller image, or start the server with a larger body limit");
    }

    /** The media type without parameters, lower case; empty when absent. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
