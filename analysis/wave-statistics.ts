/**
 * The significance tests behind a comparison of waves: two-proportion z-test, Welch's t-test
 * from a published answer distribution, and Holm's step-down adjustment. Pure numerics, no
 * dependencies; the special functions follow Numerical Recipes (3rd ed., §6.1–6.4).
 */

/** Two-sided significance level behind every "clearly" verdict (after Holm's adjustment). */
export const SIGNIFICANCE = 0.05;

const Z_975 = 1.959963984540054;

/** ln Γ(x) for x > 0 (Lanczos, g = 607/128, 15 terms; relative error below 1e-15). */
export function lnGamma(x: number): number {
  const coefficients = [
    0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746,
    -0.4919138160976202, 3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5,
    0.0001580887032249125, -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639,
    8.441822398385275e-5, -2.6190838401581408e-5, 3.6899182659531625e-6,
  ];
  const tmp = x + 5.2421875;
  let sum = coefficients[0] as number;
  for (let j = 1; j < coefficients.length; j++) sum += (coefficients[j] as number) / (x + j);
  return (x + 0.5) * Math.log(tmp) - tmp + Math.log((2.5066282746310007 * sum) / x);
}

/** Regularised lower incomplete gamma P(a, x). */
function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * front;
  }
  return 1 - front * gammaContinuedFraction(a, x);
}

/** Continued fraction of Q(a, x)·e^x·x^−a·Γ(a) (modified Lentz). */
function gammaContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/** Upper tail of the standard normal distribution, P(Z > z), accurate far into the tail. */
export function normalUpperTail(z: number): number {
  if (z < 0) return 1 - normalUpperTail(-z);
  // P(Z > z) = ½·erfc(z/√2) = ½·Q(½, z²/2)
  const x = (z * z) / 2;
  if (x < 1.5) return 0.5 * (1 - gammaP(0.5, x));
  const front = Math.exp(-x + 0.5 * Math.log(x) - lnGamma(0.5));
  return 0.5 * front * gammaContinuedFraction(0.5, x);
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/** Two-sided p-value of Student's t with df degrees of freedom (df may be fractional). */
export function studentTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * The t with P(|T| > t) = 0.05 for df degrees of freedom: the Cornish–Fisher expansion
 * (Abramowitz & Stegun 26.7.5) refined by Newton steps on the exact distribution. A bisection
 * would cost a hundred incomplete-beta evaluations per interval; this costs two or three.
 */
export function studentCritical(df: number): number {
  const z = Z_975;
  const z2 = z * z;
  let t =
    z +
    (z * (z2 + 1)) / 4 / df +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / 96 / df ** 2 +
    (z * (3 * z2 ** 3 + 19 * z2 * z2 + 17 * z2 - 15)) / 384 / df ** 3 +
    (z * (79 * z2 ** 4 + 776 * z2 ** 3 + 1482 * z2 * z2 - 1920 * z2 - 945)) / 92160 / df ** 4;
  if (!Number.isFinite(t) || t <= 0) t = 12.7;
  const logNorm = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  for (let i = 0; i < 20; i++) {
    const excess = studentTwoSided(t, df) - 0.05;
    const density = Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
    const step = excess / (2 * density);
    t = Math.max(t / 2, t + step);
    if (Math.abs(step) < 1e-12 * t) break;
  }
  return t;
}

/** A test's outcome before the adjustment for multiple comparisons. */
export interface RawTest {
  /** Later minus earlier: a share difference (0..1 scale) or a difference in scale points. */
  change: number;
  /** 95% confidence interval of the change (not adjusted for multiplicity). */
  ci: [number, number];
  /** z for shares, t for means. */
  statistic: number;
  /** Welch–Satterthwaite degrees of freedom (means only). */
  df?: number;
  p: number;
}

/**
 * Two-proportion z-test of x1/n1 against x2/n2: the statistic uses the pooled share (the null
 * hypothesis is "no change"), the interval the unpooled standard error (Wald).
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number): RawTest {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const change = p2 - p1;
  const pooled = (x1 + x2) / (n1 + n2);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const seWald = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const statistic = sePooled > 0 ? change / sePooled : 0;
  return {
    change,
    ci: [change - Z_975 * seWald, change + Z_975 * seWald],
    statistic,
    p: sePooled > 0 ? Math.min(1, 2 * normalUpperTail(Math.abs(statistic))) : 1,
  };
}

/** Mean, sample variance (n − 1) and count of a distribution given as value → count. */
export function distributionMoments(points: { value: number; count: number }[]): {
  n: number;
  mean: number;
  variance: number;
} {
  let n = 0;
  let sum = 0;
  for (const { value, count } of points) {
    n += count;
    sum += value * count;
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  let squares = 0;
  for (const { value, count } of points) squares += count * (value - mean) ** 2;
  return { n, mean, variance: n > 1 ? squares / (n - 1) : Number.NaN };
}

/** Welch's t-test of two means from their counts and sample variances. */
export function welchTest(
  a: { n: number; mean: number; variance: number },
  b: { n: number; mean: number; variance: number },
): RawTest {
  const change = b.mean - a.mean;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) {
    // Everyone answered alike in both waves: either exactly no change or an unmistakable one.
    return {
      change,
      ci: [change, change],
      statistic: 0,
      df: a.n + b.n - 2,
      p: change === 0 ? 1 : 0,
    };
  }
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const statistic = change / se;
  const half = studentCritical(df) * se;
  return {
    change,
    ci: [change - half, change + half],
    statistic,
    df,
    p: studentTwoSided(statistic, df),
  };
}

/**
 * Holm's step-down adjustment: the i-th smallest of m p-values becomes
 * max over j ≤ i of min(1, (m − j + 1)·p_(j)). Keeps the chance of any false "clearly" among
 * the m comparisons at most the level, whatever the dependence between them.
 */
export function holmAdjust(pValues: number[]): number[] {
  const order = pValues.map((p, index) => ({ p, index })).sort((x, y) => x.p - y.p);
  const adjusted = new Array<number>(pValues.length);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (pValues.length - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}
