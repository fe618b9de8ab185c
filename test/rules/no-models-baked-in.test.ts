import { describe, expect, it } from 'vitest';
import rule from '../../rules/dockerfile/no-models-baked-in.js';
import { lintFiles, pos } from '../helpers/lint-fixture.js';

const id = rule.meta.id;
const lint = (dockerfile: string) => lintFiles({ Dockerfile: dockerfile }, { rules: [id] });

describe('no-models-baked-in', () => {
  it('reports model downloads in RUN and weights copied in', async () => {
    const text = [
      'FROM python:3.12-slim',
      'RUN huggingface-cli download BAAI/bge-small-en-v1.5 && \\',
      '    python -c "from sentence_transformers import SentenceTransformer; SentenceTransformer(\'all-MiniLM-L6-v2\')"',
      'RUN wget -q https://huggingface.co/TheBloke/x-GGUF/resolve/main/x.Q4_K_M.gguf -O /models/x.gguf',
      'COPY models/ /models/',
      'COPY ./weights/model.safetensors /w/',
      'RUN ollama serve & sleep 5 && ollama pull llama3',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([
      { line: 2, column: 5, endLine: 2, endColumn: 29 },
      { line: 3, column: 15, endLine: 3, endColumn: 111 },
      { line: 4, column: 13, endLine: 4, endColumn: 78 },
      { line: 5, column: 6, endLine: 5, endColumn: 13 },
      { line: 6, column: 6, endLine: 6, endColumn: 33 },
      { line: 7, column: 31, endLine: 7, endColumn: 42 },
    ]);
    expect(ds[0]!.message).toBe('RUN downloads a Hugging Face model into a layer of the image; keep models on a volume or model cache (HF_HOME, OLLAMA_MODELS) and fetch them at deploy time');
    expect(ds[3]!.message).toBe('COPY models/ bakes model weights into the image; keep models on a volume or model cache (HF_HOME, OLLAMA_MODELS) and fetch them at deploy time');
    expect(ds[0]!.severity).toBe('warning');
  });

  it('reports a python heredoc that loads a model, a Hub cache copied from a builder', async () => {
    const text = [
      'FROM python:3.12-slim AS fetch',
      'RUN python3 <<EOF',
      'from transformers import AutoModel',
      'AutoModel.from_pretrained("BAAI/bge-m3")',
      'EOF',
      'FROM python:3.12-slim',
      'COPY --from=fetch /root/.cache/huggingface /root/.cache/huggingface',
      '',
    ].join('\n');
    const ds = await lint(text);
    expect(ds.map(pos)).toEqual([{ line: 7, column: 19, endLine: 7, endColumn: 43 }]);
    expect(ds[0]!.message).toContain('into stage 1 (line 6), which ships');
    const single = await lint(text.split('\n').slice(0, 5).join('\n') + '\n');
    expect(single.map(pos)).toEqual([{ line: 2, column: 5, endLine: 2, endColumn: 12 }]);
  });

  it('leaves code, model-free downloads and app folders alone', async () => {
    const text = [
      'FROM python:3.12-slim',
      'RUN curl -fsSL https://github.com/acme/tool/releases/download/v1/tool.tar.gz -o /tmp/t.tgz',
      'RUN python -c "import nltk; print(nltk.__version__)"',
      'COPY app/ /app/app/',
      'COPY app/models.py /app/app/',
      '',
    ].join('\n');
    expect(await lint(text)).toEqual([]);
  });
});
