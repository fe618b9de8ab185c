// The proxy routes /api/* to the api service, so the browser only ever talks to one origin.
const status = document.getElementById('status');
fetch('/api/health')
  .then((r) => r.json())
  .then((body) => (status.textContent = body.status))
  .catch(() => (status.textContent = 'unreachable'));
