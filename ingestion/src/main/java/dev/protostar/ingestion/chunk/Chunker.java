package dev.protostar.ingestion.chunk;

import dev.protostar.ingestion.parse.ParsedDocument;
import java.util.List;

/** Cuts a parsed document into chunks. */
public interface Chunker {

    List<Chunk> chunk(ParsedDocument document);
}
