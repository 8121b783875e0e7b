package dev.protostar.chat.document;

import java.io.InputStream;
import java.util.UUID;

/** A file on its way into the inbox: streamed, never held in memory whole. */
record Upload(String objectKey, UUID ingestionId, String contentType, long size, InputStream content) {}
