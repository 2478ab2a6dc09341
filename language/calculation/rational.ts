/**
 * Exact numbers for calculations: fractions of two BigInts, always in lowest terms with a positive
 * denominator. Every `+ - * /` is exact, so that `0,1 + 0,2` is `0,3` and a third of € 100 times
 * three is € 100 again; only `afronden` rounds. No library: BigInt does it in a few lines, runs in
 * Node and in every browser (the HTML guide can use the same code), and the rules are easy to state
 * for other tools (docs/json-format.md, "Evaluating a calculation").
 *
 * This module has no dependencies, so browser code can import it.
 */

/** A number of more than this many characters is not read (BigInt parsing is quadratic in its length). */
export const MAX_NUMBER_LENGTH = 400;

/**
 * A value whose numerator or denominator needs more bits than this is "too large": a calculation
 * stops with an error instead of growing numbers without end (`a = b * b` repeated doubles their
 * length each time). 1024 bits are some 300 digits, far beyond any amount.
 */
export const MAX_BITS = 1024;

export class Rational {
    private constructor(readonly num: bigint, readonly den: bigint) {}

    static readonly ZERO = new Rational(0n, 1n);
    static readonly ONE = new Rational(1n, 1n);

    static of(num: bigint, den = 1n): Rational {
        if (den === 0n) throw new RangeError('denominator 0');
        if (den < 0n) {
            num = -num;
            den = -den;
        }
        const g = gcd(num < 0n ? -num : num, den);
        return g > 1n ? new Rational(num / g, den / g) : new Rational(num, den);
    }

    /**
     * A decimal as the JSON export writes it: an optional `-`, digits, optionally `.` and digits
     * (`2500`, `-0.5`). Anything else, or longer than MAX_NUMBER_LENGTH, is undefined.
     */
    static parseDecimal(text: string): Rational | undefined {
        if (text.length > MAX_NUMBER_LENGTH) return undefined;
        const m = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(text);
        if (!m) return undefined;
        const fraction = m[3] ?? '';
        const num = BigInt(m[2] + fraction);
        return Rational.of(m[1] ? -num : num, 10n ** BigInt(fraction.length));
    }

    /**
     * A number as an editor writes it in a `.hrk` file (the GETAL terminal): a decimal comma, and
     * optionally points between groups of three digits (`100.000`, `2,5`, `1.000.000,25`).
     */
    static parseDutch(text: string, negative = false): Rational | undefined {
        if (!/^(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?$/.test(text)) return undefined;
        return Rational.parseDecimal(`${negative ? '-' : ''}${text.replace(/\./g, '').replace(',', '.')}`);
    }

    add(other: Rational): Rational {
        return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
    }

    subtract(other: Rational): Rational {
        return Rational.of(this.num * other.den - other.num * this.den, this.den * other.den);
    }

    multiply(other: Rational): Rational {
        return Rational.of(this.num * other.num, this.den * other.den);
    }

    /** Undefined when `other` is zero. */
    divide(other: Rational): Rational | undefined {
        if (other.num === 0n) return undefined;
        return Rational.of(this.num * other.den, this.den * other.num);
    }

    negate(): Rational {
        return new Rational(-this.num, this.den);
    }

    compare(other: Rational): -1 | 0 | 1 {
        const left = this.num * other.den;
        const right = other.num * this.den;
        return left < right ? -1 : left > right ? 1 : 0;
    }

    equals(other: Rational): boolean {
        return this.num === other.num && this.den === other.den;
    }

    isZero(): boolean {
        return this.num === 0n;
    }

    /** Rounded to `decimals` decimals, halves away from zero (2,5 → 3; -2,5 → -3), as amounts are rounded. */
    round(decimals: number): Rational {
        const scale = 10n ** BigInt(decimals);
        const scaled = this.num * scale;
        const negative = scaled < 0n;
        const magnitude = negative ? -scaled : scaled;
        let whole = magnitude / this.den;
        if ((magnitude % this.den) * 2n >= this.den) whole += 1n;
        return Rational.of(negative ? -whole : whole, scale);
    }

    /** Whether numerator or denominator has outgrown MAX_BITS. */
    tooLarge(): boolean {
        return bitLength(this.num) > MAX_BITS || bitLength(this.den) > MAX_BITS;
    }

    /** The exact decimal (`-12.5`), or undefined when it has no end (a third). */
    toDecimal(): string | undefined {
        let den = this.den;
        let twos = 0;
        let fives = 0;
        while (den % 2n === 0n) { den /= 2n; twos++; }
        while (den % 5n === 0n) { den /= 5n; fives++; }
        if (den !== 1n) return undefined;
        const decimals = Math.max(twos, fives);
        return decimalString(this.num * 10n ** BigInt(decimals) / this.den, decimals);
    }

    /** The decimal rounded to `decimals` decimals, trailing zeros dropped (for `≈` display). */
    toApproximateDecimal(decimals: number): string {
        const rounded = this.round(decimals);
        return rounded.toDecimal() ?? '';
    }
}

function gcd(a: bigint, b: bigint): bigint {
    while (b !== 0n) [a, b] = [b, a % b];
    return a === 0n ? 1n : a;
}

function bitLength(n: bigint): number {
    return (n < 0n ? -n : n).toString(16).length * 4;
}

/** `scaled` / 10^decimals as a decimal string, without trailing zeros after the point. */
function decimalString(scaled: bigint, decimals: number): string {
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
    const whole = digits.slice(0, digits.length - decimals);
    const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
    return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}
