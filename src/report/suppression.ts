/**
 * Complementary suppression: when exactly one municipality's figure is hidden (too few
 * answers) beside a shown total, the total minus the shown municipalities would give it
 * away, so the smallest shown municipality is hidden as well. Used by the results page
 * and the report's appendices.
 */

/**
 * `hidden[0]` and `sizes[0]` are the total's; the rest one per municipality. Returns
 * which to hide.
 */
export function withComplementarySuppression(hidden: readonly boolean[], sizes: readonly number[]): boolean[] {
  const result = [...hidden]
  const strata = sizes.slice(1)
  const hiddenStrata = hidden.slice(1).filter(Boolean).length
  if (!hidden[0] && hiddenStrata === 1 && strata.length > 1) {
    let smallest = -1
    strata.forEach((n, i) => {
      if (!result[i + 1] && (smallest === -1 || n < strata[smallest]!)) smallest = i
    })
    if (smallest >= 0) result[smallest + 1] = true
  }
  return result
}
