declare module 'handlebars/runtime.js' {
  import Handlebars from 'handlebars';
  const runtime: typeof Handlebars;
  export default runtime;
}
