export interface ConfigProperty {
  key: string;
  value: string;
  line: number;
}

export interface ConfigSection {
  /** SERVICE, INPUT, FILTER, OUTPUT, PARSER, MULTILINE_PARSER, UPSTREAM, NODE, ... upper-case */
  kind: string;
  line: number;
  file: string;
  properties: ConfigProperty[];
}

export interface PipelineFinding {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  /** e.g. "[OUTPUT] http (match kube.*)" */
  section?: string;
  /** property key if any */
  property?: string;
  message: string;
  fix: string;
}

/** An `@INCLUDE` or `@SET` (or other `@...`) line. */
export interface ConfigDirective {
  /** upper-case command: INCLUDE, SET, ... */
  command: string;
  /** the rest of the line */
  argument: string;
  line: number;
}

export interface ParsedClassicConfig {
  sections: ConfigSection[];
  /** `@INCLUDE` paths, as written */
  includes: string[];
  findings: PipelineFinding[];
  /** every `@` directive in file order (with line numbers) */
  directives: ConfigDirective[];
  /** `@SET NAME=value` variables */
  variables: Record<string, string>;
}

export interface PipelineInput {
  /** file name -> content, as mounted in /fluent-bit/etc/conf/ (fluent-bit.conf is the entry point) */
  files: Readonly<Record<string, string>>;
  /**
   * The file in `files` Fluent Bit is started with (`--config=/fluent-bit/etc/conf/<entryPoint>`);
   * fluent-bit.conf when omitted. Like Fluent Bit, a `.yaml`/`.yml` name is read as the YAML
   * format, any other as classic (so are included and parsers files).
   */
  entryPoint?: string;
  /** container volume mounts: where Fluent Bit can read/write */
  mounts: ReadonlyArray<{ mountPath: string; readOnly: boolean }>;
  /** names defined by the image's /fluent-bit/etc/parsers.conf */
  imageParsers: readonly string[];
  /** variables the container's env sets (chart `env`), which `${NAME}` may reference */
  environment?: readonly string[];
  /** the sink's longest accepted line in bytes (VictoriaLogs -insert.maxLineSizeBytes); unset, record sizes are not checked */
  sinkMaxLineBytes?: number;
}
