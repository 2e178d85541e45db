// `@antmjs/vantui` as the build sees it. The build's babel-plugin-import rewrites
// `import { CellGroup } from '@antmjs/vantui'` to the default export of `es/cell-group`; several
// components (CellGroup, …) have no named export in the package index, so without the same
// rewrite they would be undefined. This mirrors the plugin (PascalCase → kebab-case folder)
// on the CommonJS `lib` build.
function folderOf(name) {
  return name.replace(/[A-Z]/g, (c, i) => (i === 0 ? '' : '-') + c.toLowerCase());
}

module.exports = new Proxy(
  { __esModule: true },
  {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return target[name];
      const mod = require(`@antmjs/vantui/lib/${folderOf(name)}`);
      return mod.default ?? mod[name];
    },
  },
);
