/** The part of autocannon's API that the benchmarks use (the package ships no types). */
declare module 'autocannon' {
  export interface Histogram {
    average: number
    mean: number
    p50: number
    p99: number
    max: number
    total: number
  }
  export interface Client {
    setHeaders(headers: Record<string, string>): void
    setBody(body: string | Buffer): void
    setHeadersAndBody(headers: Record<string, string>, body: string | Buffer): void
  }
  export interface Options {
    url: string
    method?: 'GET' | 'POST'
    connections?: number
    duration?: number
    pipelining?: number
    headers?: Record<string, string>
    body?: string
    setupClient?: (client: Client) => void
  }
  export interface Result {
    requests: Histogram
    latency: Histogram
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    duration: number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
