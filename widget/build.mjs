// Bundles the widget into one minified script: `node build.mjs [outfile] [--watch]`.
// Maven calls this with target/classes/static/widget/chat-widget.js, so the app serves it at /widget/chat-widget.js.
import * as esbuild from 'esbuild';

const args = process.argv.slice(2);
const outfile = args.find((a) => !a.startsWith('--')) || 'dist/chat-widget.js';
const options = {
  entryPoints: ['src/main.js'],
  bundle: true,
  minify: !args.includes('--watch'),
  format: 'iife',
  target: ['es2019'],
  legalComments: 'none',
  outfile,
  logLevel: 'warning',
};

if (args.includes('--watch')) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  await esbuild.build(options);
}
