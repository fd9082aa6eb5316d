// opencc-js ships its dictionaries as ES modules of one packed string each, without types.
declare module 'opencc-js/dict/*' {
  const packed: string;
  export default packed;
}
