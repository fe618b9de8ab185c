declare module '@ericcornelissen/bash-parser' {
  namespace parse {
    interface Position {
      row: number;
      col: number;
      /** 0-based offset; `end.char` is the offset of the last character (inclusive). */
      char: number;
    }
    interface Location {
      start: Position;
      end: Position;
    }
    interface Expansion {
      type: 'CommandExpansion' | 'ParameterExpansion' | 'ArithmeticExpansion' | string;
      /** Relative to the word's text (which keeps its quotes when it holds expansions). */
      loc: { start: number; end: number };
      command?: string;
    }
    interface Node {
      type: string;
      text?: string;
      loc?: Location;
      expansion?: Expansion[];
      name?: Node;
      prefix?: Node[];
      suffix?: Node[];
      [key: string]: unknown;
    }
    interface Options {
      insertLOC?: boolean;
      mode?: 'posix' | 'bash' | 'word-expansion';
    }
  }
  function parse(source: string, options?: parse.Options): parse.Node;
  export = parse;
}
