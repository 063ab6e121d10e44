// The shape of an output file, as the exporters make it and write.ts writes it: a leaf that the
// exporters and the writer both read, so neither imports the other for it.

export interface OutputFile {
  name: string;
  /** Text (written as UTF-8) or bytes (workbook.xlsx). */
  content: string | Uint8Array;
}

/** The text of a file in pieces, made as it is written: a corpus-sized output never needs to be in memory whole. */
export type Chunks = () => AsyncIterable<string>;

/** What writeOutputs takes: a file's content, or its pieces. */
export interface WritableFile {
  name: string;
  content: string | Uint8Array | Chunks;
}
