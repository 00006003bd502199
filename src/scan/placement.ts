/** The affine map from page points to image pixels, fitted to the registration marks found. */
import type { PagePlacement } from './types.ts'

export interface Point {
  x: number
  y: number
}

/** Where the page point `point` is on the image. */
export function toPixel(placement: PagePlacement, point: Point): Point {
  const [a, b, c, d, e, f] = placement.transform
  return { x: a * point.x + b * point.y + c, y: d * point.x + e * point.y + f }
}

/**
 * The least-squares affine map taking each `from` point to its `to` point (three or more
 * pairs), and how far, at most, a fitted point lies from where it was found (pixels).
 */
export function fitAffine(
  from: Point[],
  to: Point[],
): { transform: PagePlacement['transform']; worstResidual: number } | undefined {
  if (from.length < 3 || from.length !== to.length) return undefined
  // Normal equations of [x y 1]·[a b c]ᵀ = px (and likewise for py): the same 3×3 matrix.
  const m = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ]
  const rx = [0, 0, 0]
  const ry = [0, 0, 0]
  from.forEach((p, i) => {
    const row = [p.x, p.y, 1]
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) m[r]![c]! += row[r]! * row[c]!
      rx[r]! += row[r]! * to[i]!.x
      ry[r]! += row[r]! * to[i]!.y
    }
  })
  const abc = solve3(m, rx)
  const def = solve3(m, ry)
  if (!abc || !def) return undefined
  const transform = [...abc, ...def] as PagePlacement['transform']
  const placement = { transform, scale: 1, upsideDown: false }
  const worstResidual = Math.max(
    ...from.map((p, i) => {
      const q = toPixel(placement, p)
      return Math.hypot(q.x - to[i]!.x, q.y - to[i]!.y)
    }),
  )
  return { transform, worstResidual }
}

/** Cramer's rule; undefined for a singular matrix (points on one line). */
function solve3(m: number[][], v: number[]): [number, number, number] | undefined {
  const det = (a: number[][]) =>
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) -
    a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) +
    a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!)
  const d = det(m)
  if (Math.abs(d) < 1e-9) return undefined
  const column = (i: number) => m.map((row, r) => row.map((value, c) => (c === i ? v[r]! : value)))
  return [det(column(0)) / d, det(column(1)) / d, det(column(2)) / d]
}
