// Vite's asset imports used by the browser tests (vite/client declares them too; kept minimal here).
declare module '*?raw' {
  const text: string;
  export default text;
}
declare module '*?url' {
  const url: string;
  export default url;
}
