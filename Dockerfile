# The dashboard's image: one app process per container (`python -m deploy app`, the command
# `python -m deploy up` runs locally); compose.yaml also runs the balancer (HAProxy) from it.
# Not built or tested on the project's machines (they cannot pull base images): docs/DEPLOY.md.
FROM python:3.11-slim-bookworm

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends haproxy \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
RUN pip install --no-cache-dir -e . \
    && useradd --system --home-dir /app tracker \
    && mkdir -p /app/instance && chown tracker /app/instance
USER tracker

EXPOSE 8501
HEALTHCHECK --interval=5s --timeout=3s \
    CMD python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8501/_stcore/health')"
CMD ["python", "-m", "deploy", "app", "--port", "8501", "--address", "0.0.0.0"]
