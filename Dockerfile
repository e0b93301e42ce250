# placard in a container: the CLI on PATH, its fonts (npm packages) and templates inside,
# run as the non-root user "node". For batch runs on a cluster see deploy/k8s/.
#
#   docker build -t placard:0.1.0 .
#   docker run --rm -v "$PWD:/work" placard:0.1.0 render private-areas --set name=Tacos -o tacos.pdf
#
# Two stages: TypeScript and the other dev dependencies build dist/ and stay behind.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the "prepare" script builds, and needs the sources, which come next.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
# npm run build: tsc, then the command line bundled into dist/bundle/ (scripts/bundle.js, esbuild).
COPY scripts/bundle.js ./scripts/bundle.js
RUN npm run build

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /opt/placard
COPY package.json package-lock.json ./
# Only what placard runs with; no dependency needs an install script.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY templates ./templates
COPY locales ./locales
# The page and scripts of placard serve.
COPY web ./web
COPY README.md ./
RUN ln -s /opt/placard/bin/placard.js /usr/local/bin/placard && placard --version
USER node
WORKDIR /work
ENTRYPOINT ["placard"]
CMD ["--help"]
