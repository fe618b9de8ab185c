/** A file's text with a line index, so offsets convert to 1-based line/column once. */
export class SourceFile {
    path;
    text;
    absPath;
    lineStarts;
    constructor(
    /** Path relative to the working directory, `/`-separated: what reports show. */
    path, text, 
    /** Absolute path on disk, for I/O. */
    absPath = path) {
        this.path = path;
        this.text = text;
        this.absPath = absPath;
        const starts = [0];
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            starts.push(i + 1);
        this.lineStarts = starts;
    }
    /** 1-based line and column of an offset; columns count UTF-16 units like editors do. */
    position(offset) {
        const starts = this.lineStarts;
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - starts[lo] + 1 };
    }
    span(start, end = start) {
        const s = this.position(start);
        const e = this.position(Math.max(start, end));
        return { file: this.path, start, end: Math.max(start, end), line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
    }
    /** The text of one 1-based line, without its line break. */
    lineText(line) {
        const start = this.lineStarts[line - 1] ?? this.text.length;
        const next = this.lineStarts[line];
        return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
    }
}
