// Builds the pages into dist/: the form example (dist/index.html) and,
// under dist/stock/, one page per stock renderer for the browser test
// (rjsf/, jsonforms/, survey/), each a bundled script beside the same
// HTML page. Run with "npm run build" after "npm ci".
import { build } from 'esbuild';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['es2022'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

await mkdir('dist', { recursive: true });
await build({ ...common, entryPoints: ['src/main.jsx'], outfile: 'dist/app.js' });
await copyFile('src/index.html', 'dist/index.html');
await copyFile('src/form.css', 'dist/form.css');

for (const name of ['rjsf', 'jsonforms', 'survey']) {
  const dir = `dist/stock/${name}`;
  await mkdir(dir, { recursive: true });
  await build({ ...common, entryPoints: [`stock/${name}.jsx`], outfile: `${dir}/page.js` });
  await copyFile('stock/index.html', `${dir}/index.html`);
  // Only the SurveyJS page imports a style sheet; the others get an empty one.
  await writeFile(`${dir}/page.css`, '', { flag: 'a' });
}
