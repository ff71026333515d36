// Reads a WARC (.warc or .warc.gz) with Webrecorder's warcio.js, an implementation independent of AdWatch's, and prints
// one JSON line per record: what warcio parsed, plus the payload digest recomputed here from the bytes warcio returned.
// Usage: node read.mjs FILE
import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import { WARCParser } from "warcio";
import base32Encode from "base32-encode";

const file = process.argv[2];
if (!file) {
  console.error("usage: node read.mjs FILE.warc[.gz]");
  process.exit(2);
}
for await (const record of WARCParser.iterRecords(createReadStream(file))) {
  const headers = record.warcHeaders.headers;
  const payload = await record.readFully(false); // the HTTP body as stored, after the HTTP headers
  const declared = record.warcPayloadDigest ?? null;
  let computed = null;
  if (declared?.startsWith("sha1:") && record.warcType === "response") {
    computed = "sha1:" + base32Encode(createHash("sha1").update(payload).digest(), "RFC4648", { padding: false });
  }
  console.log(JSON.stringify({
    type: record.warcType,
    uri: record.warcTargetURI ?? null,
    date: headers.get("WARC-Date"),
    recordId: headers.get("WARC-Record-ID"),
    status: record.httpHeaders?.statusCode ?? null,
    contentType: record.httpHeaders?.headers.get("Content-Type") ?? null,
    refersToUri: headers.get("WARC-Refers-To-Target-URI") ?? null,
    profile: headers.get("WARC-Profile") ?? null,
    payloadDigest: declared,
    computedPayloadDigest: computed,
    payloadLength: payload.length,
    payloadSha256: createHash("sha256").update(payload).digest("hex"),
  }));
}
