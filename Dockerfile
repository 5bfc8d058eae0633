# syntax=docker/dockerfile:1

# ChatCRM production image.
#
# Production needs an external MongoDB: set MONGODB_URI (mongodb:// or mongodb+srv://) and MONGODB_DB.
# Without MONGODB_URI the service falls back to an embedded development database, which this image
# cannot provide (no Go toolchain, no writable data directory, no network download of mongod).
# Slack: SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET (HTTP mode, requests to POST /slack/events) or
# SLACK_APP_TOKEN (Socket Mode). See docker-compose.yml for a complete example.

# ---- build: compile TypeScript (src/ -> dist/) ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# ---- runtime: production dependencies + compiled output only ----
FROM node:20-bookworm-slim AS runtime
# The browser sandbox lets anyone act as anyone: off in the image (it would otherwise come on whenever
# no platform is configured, bound to the container's loopback where nobody can reach it).
ENV NODE_ENV=production \
    PORT=3000 \
    SANDBOX_ENABLED=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist

# The node:* images ship an unprivileged `node` user (uid 1000); the app files stay root-owned, read-only to it.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
