import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import { PrecompressPlugin } from './precompress';
import prodConfig from './prod';

// shared/ (pure TS used by server and client) sits outside sourceRoot: compile it too.
const SHARED_DIR = path.resolve(__dirname, '..', 'shared');

// Taro build config: one source tree (miniprogram/) → dist/weapp and dist/h5.
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'anquan-huzhu',
    date: '2026-11-29',
    // Our styles are written for a 750 px wide design (28px → 28rpx ≈ 14 CSS px); NutUI's for 375.
    designWidth(input?: { file?: string }) {
      return input?.file?.replace(/\\+/g, '/').includes('@nutui/') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'miniprogram',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      compile: { include: [SHARED_DIR] },
    },
    h5: {
      publicPath: '/',
      compile: { include: [SHARED_DIR] },
      // h5 runs postcss (pxtransform) on node_modules styles only for these: NutUI must scale like ours
      esnextModules: ['@nutui/nutui-react-taro'],
      staticDirectory: 'static',
      router: { mode: 'browser' },
      // Taro splits only initial chunks, so every lazily loaded page carried its own copy of NutUI, zod and
      // the Taro components. Share the node_modules code used by two or more pages in async chunks instead.
      webpackChain(chain) {
        // production builds ship .br/.gz beside each text asset (served by server/src/static/h5.ts)
        if (process.env.NODE_ENV !== 'development') chain.plugin('precompress').use(PrecompressPlugin);
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              asyncVendors: {
                chunks: 'async',
                minChunks: 2,
                minSize: 10000,
                test: /[\\/]node_modules[\\/]/,
                priority: 5,
                reuseExistingChunk: true,
              },
            },
          },
        });
      },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
