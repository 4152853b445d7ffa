package org.raqib.ingest.fetch;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful fetch: a 2xx body (decompressed) or a 304.
 *
 * @param status 200-299 or 304
 * @param address the address that answered, after redirects
 * @param body the decompressed body; empty for 304
 * @param contentType the Content-Type header, when sent
 * @param etag the ETag to send next time, when sent
 * @param lastModified the Last-Modified to send next time, when sent
 */
public record FetchResponse(
        int status, URI address, byte[] body, Optional<String> contentType, Optional<String> etag,
        Optional<String> lastModified) {

    public FetchResponse {
        Objects.requireNonNull(address, "address");
        body = body == null ? new byte[0] : body;
        contentType = contentType == null ? Optional.empty() : contentType;
        etag = etag == null ? Optional.empty() : etag;
        lastModified = lastModified == null ? Optional.empty() : lastModified;
    }

    /** Whether the server said nothing changed since the validators sent. */
    public boolean notModified() {
        return status == 304;
    }
}
