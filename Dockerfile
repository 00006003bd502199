# The app's image: dependencies are installed when the image is built, not at every
# start, so several containers (docker compose up --scale app=3) share one ready image.
FROM node:20-bookworm-slim
WORKDIR /app
# NODE_ENV=production also turns on the template cache (views are compiled once).
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/app/data
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# node itself, not npm or tsx's launcher, so that SIGTERM reaches the server and it
# finishes the requests under way before stopping.
CMD ["node", "--require", "tsx/preflight", "--import", "tsx", "src/server/main.ts"]
