import { describe, expect, it } from 'vitest';
import { mapHistory, parseCreatedBy } from '../../../src/budget/map-history.js';
import type { MeasuredLayer } from '../../../src/budget/measure/types.js';
import { parseDockerfile, targetStage } from '../../../src/dockerfile/index.js';
import { SourceFile } from '../../../src/source/source-file.js';

describe('parseCreatedBy', () => {
  it.each([
    ['/bin/sh -c #(nop) COPY file:0f1a2b in /app ', 'COPY', 'file:0f1a2b in /app'],
    ['/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/bin', 'ENV', 'PATH=/usr/local/bin:/usr/bin'],
    ['/bin/sh -c #(nop)  CMD ["python3"]', 'CMD', '["python3"]'],
    ['/bin/sh -c apt-get update &&     apt-get install -y curl', 'RUN', 'apt-get update && apt-get install -y curl'],
    ['|2 PY=3.11 TORCH=2.4 /bin/sh -c pip install torch==${TORCH}', 'RUN', 'pip install torch==${TORCH}'],
    ['RUN /bin/sh -c pip install -r requirements.txt # buildkit', 'RUN', 'pip install -r requirements.txt'],
    ['RUN |1 PIP_INDEX=https://x /bin/sh -c pip install . # buildkit', 'RUN', 'pip install .'],
    ['COPY /wheels /wheels # buildkit', 'COPY', '/wheels /wheels'],
    ['WORKDIR /app', 'WORKDIR', '/app'],
    ['EXPOSE map[8000/tcp:{}]', 'EXPOSE', 'map[8000/tcp:{}]'],
  ])('%s', (createdBy, keyword, text) => {
    expect(parseCreatedBy(createdBy)).toEqual({ keyword, text });
  });

  it('leaves what no builder writes unparsed', () => {
    expect(parseCreatedBy("# debian.sh --arch 'amd64' out/ 'bookworm' '@1700000000'")).toBeUndefined();
    expect(parseCreatedBy('')).toBeUndefined();
  });
});

const layer = (createdBy: string, size: number): MeasuredLayer => ({ createdBy, size, ...(size === 0 && { emptyLayer: true }) });

function model(text: string) {
  const m = parseDockerfile(new SourceFile('Dockerfile', text));
  return m;
}

describe('mapHistory', () => {
  it('maps a classic-builder history and groups the base image layers, ENV and CMD of the base included', () => {
    const m = model('FROM python:3.11\nENV APP=/srv\nCOPY . /srv\nRUN pip install /srv\nCMD ["python", "-m", "app"]\n');
    const layers = [
      layer("# debian.sh --arch 'amd64' out/ 'bookworm' '@1700000000'", 100),
      layer('/bin/sh -c #(nop)  ENV LANG=C.UTF-8', 0),
      layer('/bin/sh -c #(nop)  CMD ["python3"]', 0),
      layer('/bin/sh -c #(nop)  ENV APP=/srv', 0),
      layer('/bin/sh -c #(nop) COPY dir:9a8b7c in /srv ', 30),
      layer('/bin/sh -c pip install /srv', 500),
      layer('/bin/sh -c #(nop)  CMD ["python" "-m" "app"]', 0),
    ];
    const mapped = mapHistory(layers, m, targetStage(m)!);
    expect(mapped.map((l) => [l.base, l.instruction?.span.line])).toEqual([
      [true, undefined], [true, undefined], [true, undefined], [false, 2], [false, 3], [false, 4], [false, 5],
    ]);
  });

  it('follows the target stage chain and ignores stages only copied from', () => {
    const m = model('FROM node:20 AS deps\nRUN npm ci\n\nFROM deps AS build\nRUN npm run build\n\nFROM nginx AS web\nCOPY --from=build /dist /usr/share/nginx/html\n');
    const layers = [layer('ADD file:1 in / # buildkit', 10), layer('RUN /bin/sh -c npm ci # buildkit', 20), layer('RUN /bin/sh -c npm run build # buildkit', 30)];
    const mapped = mapHistory(layers, m, targetStage(m, 'build')!);
    expect(mapped.map((l) => [l.base, l.instruction?.span.line, l.stage?.name])).toEqual([[true, undefined, undefined], [false, 2, 'deps'], [false, 5, 'build']]);
  });

  it('marks nothing as base when no step matches (another image)', () => {
    const m = model('FROM alpine\nRUN apk add curl\n');
    const mapped = mapHistory([layer('COPY x y # buildkit', 5)], m, targetStage(m)!);
    expect(mapped).toEqual([{ createdBy: 'COPY x y # buildkit', size: 5, base: false }]);
  });

  it('prefers the step whose text agrees when two instructions share a keyword', () => {
    const m = model('FROM alpine\nRUN apk add curl\nRUN apk add git\n');
    const layers = [layer('ADD file:1 in /', 1), layer('RUN /bin/sh -c apk add git # buildkit', 9)];
    const mapped = mapHistory(layers, m, targetStage(m)!);
    expect(mapped.map((l) => l.instruction?.span.line)).toEqual([undefined, 3]);
  });
});
