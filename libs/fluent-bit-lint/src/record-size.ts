/**
 * How large one record can get on its way to the sink, as a JSON line of an http output in
 * json_lines format: the largest line its input can read, times what JSON encoding can make of
 * each byte, plus what filters add. VictoriaLogs drops a line above -insert.maxLineSizeBytes
 * (default 256 KiB) with only a server-side warning and still answers 200
 * (VictoriaMetrics/VictoriaLogs lib/logstorage line_reader.go, app/vlinsert flags.go), so Fluent
 * Bit counts such a record delivered: the bound must be known before it ships.
 */

/** VictoriaLogs' default -insert.maxLineSizeBytes. */
export const VICTORIA_LOGS_DEFAULT_MAX_LINE_BYTES = 256 * 1024;

/**
 * Bytes a single input byte can become in Fluent Bit's JSON encoding (5.1.1 src/flb_utils.c):
 * a control character is written as `\u00XX` (6 bytes) in every mode; with
 * `json.escape_unicode` (the default, on) a 2-byte UTF-8 character becomes `\uXXXX` (3x) and a
 * 4-byte one a surrogate pair (3x).
 */
export const JSON_ESCAPE = { controlCharacter: 6, unicode: 3 } as const;

/**
 * What the kubernetes filter adds to a record: pod, namespace, container, host, ids, image and,
 * with `labels on`, the pod's labels. An allowance, not a measured bound: label values are at most
 * 63 bytes and keys 317, but their number is not limited; 32 KiB is room for hundreds.
 */
export const KUBERNETES_METADATA_BYTES = 32 * 1024;
/** With `annotations on`, the pod's annotations: Kubernetes caps their total at 256 KiB (apimachinery ValidateAnnotations). */
export const KUBERNETES_ANNOTATIONS_BYTES = 256 * 1024;
/** The output's own keys (`_time` and the JSON punctuation of a few fields). */
export const OUTPUT_FIELDS_BYTES = 1024;

export interface RecordSizeInputs {
  /** The longest line the input reads (tail buffer_max_size), in bytes. */
  lineBytes: number;
  /** Whether a JSON parser reads the line: its strings are re-encoded, not the raw text. */
  parsedAsJson: boolean;
  /** The service's json.escape_unicode (Fluent Bit's default: true). */
  escapeUnicode: boolean;
  /** Bytes filters add (Kubernetes metadata, stamped fields). */
  addedBytes: number;
}

/**
 * The largest JSON line a record can become. A line read as text is escaped as a whole (control
 * characters 6x). A line parsed as JSON was already JSON-escaped, so its strings come out no
 * larger, except that \uXXXX-escaping non-ASCII can triple raw UTF-8 (off with
 * json.escape_unicode false).
 */
export function largestRecordBytes({ lineBytes, parsedAsJson, escapeUnicode, addedBytes }: RecordSizeInputs): number {
  return lineBytes * escapeFactor(parsedAsJson, escapeUnicode) + addedBytes + OUTPUT_FIELDS_BYTES;
}

/** What JSON encoding can multiply a line's bytes by. */
export const escapeFactor = (parsedAsJson: boolean, escapeUnicode: boolean): number =>
  parsedAsJson ? (escapeUnicode ? JSON_ESCAPE.unicode : 1) : JSON_ESCAPE.controlCharacter;

/** The longest line (bytes) whose record still fits `maxLineBytes`. */
export const longestFittingLine = (maxLineBytes: number, factor: number, addedBytes: number): number =>
  Math.floor((maxLineBytes - addedBytes - OUTPUT_FIELDS_BYTES) / factor);
