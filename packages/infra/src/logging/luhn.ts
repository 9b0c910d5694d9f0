/** The Luhn (mod 10) check that every payment card number passes. `digits` holds digits only. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** `****-****-****-1234`: a card number with only its last four digits left. */
export function maskCard(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 4 ? `****-****-****-${digits.slice(-4)}` : '[REDACTED]';
}
