"""Running several app processes behind HAProxy, sharing one PostgreSQL: `python -m deploy`.

See docs/DEPLOY.md. `deploy.stack` starts and supervises the processes, `deploy.balancer` writes
HAProxy's configuration, `deploy.postgres` makes a throwaway cluster when no database is given.
"""
