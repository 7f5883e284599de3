# Playroom: one image, one process (fastify + socket.io + the web app) on PORT.
#   docker build -t playroom .
#   docker run -p 3000:3000 -v playroom-data:/data playroom
# Or with compose: docker-compose.single.yml (this one process, SQLite), docker-compose.yml (two servers,
# Redis, PostgreSQL and nginx in front); docs/OPERATIONS.md.

# --- build: every dependency, then the web app (vite) -------------------------
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles when no prebuilt binary fits
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# manifests first, so the npm ci layer is reused until a dependency changes
COPY package.json package-lock.json ./
COPY packages/engine/package.json packages/engine/
COPY packages/protocol/package.json packages/protocol/
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY bench/package.json bench/
COPY e2e/package.json e2e/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json turbo.json ./
COPY packages packages
COPY apps apps
RUN npm run build --workspace @playroom/web

# --- runtime dependencies only (the server runs TypeScript with tsx, a dependency of @playroom/server) ---
FROM build AS runtime-deps
RUN npm ci --omit=dev --no-audit --no-fund

# --- runtime ----------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=runtime-deps /app/node_modules node_modules
COPY --from=build /app/package.json /app/tsconfig.base.json ./
COPY --from=build /app/packages/engine packages/engine
COPY --from=build /app/packages/protocol packages/protocol
COPY --from=build /app/apps/server/package.json /app/apps/server/tsconfig.json apps/server/
COPY --from=build /app/apps/server/src apps/server/src
COPY --from=build /app/apps/web/package.json apps/web/
COPY --from=build /app/apps/web/dist apps/web/dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# what `npm start --workspace @playroom/server` runs (tsx src/server.ts), without npm and a shell in
# between, so SIGTERM reaches the server and it writes every session before it exits
WORKDIR /app/apps/server
CMD ["node", "--import", "tsx", "src/server.ts"]
