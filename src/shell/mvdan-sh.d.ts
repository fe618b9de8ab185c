/**
 * The part of `mvdan-sh` (mvdan.cc/sh/v3/syntax compiled to JavaScript) that the analyser uses.
 * Positions are UTF-8 byte offsets into the parsed text; `End()` is exclusive.
 */
declare module 'mvdan-sh' {
  namespace mvdan {
    interface Pos {
      Offset(): number;
    }
    interface Node {
      Pos(): Pos;
      End(): Pos;
      [field: string]: unknown;
    }
    interface Lit extends Node {
      Value: string;
    }
    interface Word extends Node {
      Parts: Node[];
      /** The word's text when it is a single literal, else ''. */
      Lit(): string;
    }
    interface Stmt extends Node {
      Cmd: Node | null;
      Redirs: Redirect[];
    }
    interface Redirect extends Node {
      /** The body of a `<<` / `<<-` heredoc, up to and including the delimiter line. */
      Hdoc: Word | null;
      Word: Word | null;
    }
    interface CallExpr extends Node {
      Args: Word[];
    }
    interface DeclClause extends Node {
      Variant: Lit;
      Args: Node[];
    }
    interface SubstNode extends Node {
      Stmts: Stmt[];
    }
    interface Parser {
      Parse(text: string, name: string): Node;
    }
    interface Syntax {
      NewParser(...options: unknown[]): Parser;
      /** Visits `node` and, while `visit` returns true, its children; then calls `visit(null)`. */
      Walk(node: Node, visit: (node: Node | null) => boolean): void;
      NodeType(node: Node): string;
    }
  }
  const mvdan: { syntax: mvdan.Syntax };
  export = mvdan;
}
