// A console form's field as a string: urlencoded bodies give strings, but a repeated or missing field must not
// reach validation as an array or undefined.
export const formField = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};
