// The forum operator's own accounts on social networks ("@LumenReader", "facebook.com/LumenReaderApp"): what the
// operator posts as is nobody's personal information. The brand belongs to the deployment; this is the demo forum's.
const operatorBrands = ['lumenreader'];

/** A handle that is the brand, possibly with a suffix such as "FR" or "App", in any case or punctuation. */
export function isOperatorAccount(handle: string): boolean {
  const bare = handle.toLowerCase().replace(/[^a-z0-9]/gu, '');
  return operatorBrands.some((brand) => bare.startsWith(brand));
}
