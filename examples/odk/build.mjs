// Builds the two pages the browser test opens into dist/: engine/, the
// ODK XForms engine alone, and webforms/, the stock OdkWebForm
// component. Each is one bundled script beside the same HTML page. Run
// with "npm run build" after "npm ci".
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

for (const name of ['engine', 'webforms']) {
  const dir = `dist/${name}`;
  await mkdir(dir, { recursive: true });
  await build({
    entryPoints: [`src/${name}.js`],
    outfile: `${dir}/page.js`,
    bundle: true,
    // Unminified: a failing test then shows the engine's own names.
    minify: false,
    format: 'esm',
    target: ['es2022'],
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    logLevel: 'warning',
  });
  await copyFile('src/index.html', `${dir}/index.html`);
}
