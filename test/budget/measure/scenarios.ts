import type { Step } from './images.js';

/** A slim Python base image: a classic-builder root filesystem and a BuildKit-built layer. */
export const BASE_STEPS: Step[] = [
  { createdBy: '/bin/sh -c #(nop) ADD file:4f5a2bd1c0e9 in / ', files: { 'usr/lib/libc.so': 300_000 } },
  { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', empty: true },
  { createdBy: 'ENV LANG=C.UTF-8', empty: true },
  { createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates # buildkit', files: { 'usr/bin/python3': 100_000 } },
];

/** The backend seed scaled down: one `pip install` layer dwarfs everything else. */
export const BACKEND_DOCKERFILE = `FROM python:3.11-slim
ARG PIP_INDEX=https://pypi.org/simple
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
ENV PORT=8000
CMD ["python", "app.py"]
`;

export const BACKEND_STEPS: Step[] = [
  ...BASE_STEPS,
  { createdBy: 'WORKDIR /app', empty: true },
  { createdBy: 'COPY requirements.txt . # buildkit', files: { 'app/requirements.txt': 1_000 } },
  { createdBy: 'RUN |1 PIP_INDEX=https://pypi.org/simple /bin/sh -c pip install -r requirements.txt # buildkit', files: { 'usr/local/lib/python3.11/site-packages/torch/lib/libtorch.so': 2_000_000 } },
  { createdBy: 'COPY . . # buildkit', files: { 'app/app.py': 50_000 } },
  { createdBy: 'ENV PORT=8000', empty: true },
  { createdBy: 'CMD ["python", "app.py"]', empty: true },
];

/** The knowledge-base seed scaled down: wheels copied into the runtime stage, installed, then deleted. */
export const KB_DOCKERFILE = `FROM python:3.11-slim AS builder
COPY requirements.txt .
RUN pip wheel --wheel-dir /wheels -r requirements.txt

FROM python:3.11-slim AS runtime
WORKDIR /srv
COPY --from=builder /wheels /wheels
RUN pip install --no-index /wheels/*.whl && rm -rf /wheels
COPY kb/ ./kb/
CMD ["python", "-m", "kb"]
`;

export const KB_STEPS: Step[] = [
  ...BASE_STEPS,
  { createdBy: 'WORKDIR /srv', empty: true },
  { createdBy: 'COPY /wheels /wheels # buildkit', files: { 'wheels/torch-2.4.0-cp311-linux_x86_64.whl': 1_500_000 } },
  {
    createdBy: 'RUN /bin/sh -c pip install --no-index /wheels/*.whl && rm -rf /wheels # buildkit',
    files: { 'usr/local/lib/python3.11/site-packages/torch/lib/libtorch.so': 1_200_000 },
    remove: ['wheels'],
  },
  { createdBy: 'COPY kb/ ./kb/ # buildkit', files: { 'srv/kb/index.py': 20_000 } },
  { createdBy: 'CMD ["python" "-m" "kb"]', empty: true },
];
