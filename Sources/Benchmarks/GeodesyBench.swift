import GeoModel
import Geodesy

/// Geodesic throughput next to a naive loop measured in the same run.
public enum GeodesyBench {
    /// Adds the geodesic-distance row: `geod_inverse` on a set-up ellipsoid versus a naive loop that
    /// sets the ellipsoid up again for every pair and solves for distance and both azimuths.
    public static func run(pairs n: Int, into table: inout BenchTable) {
        var rng = SplitMix64(seed: 42)
        let pts = (0..<(2 * n)).map { _ in Coordinate(lon: 35.7 + rng.unit() * 2.3, lat: 34.8 + rng.unit() * 2.0) }
        let g = Geodesic.wgs84
        var sum = 0.0
        let t = measureSeconds { for i in 0..<n { sum += g.distance(from: pts[2 * i], to: pts[2 * i + 1]) } }
        let m = max(n / 10, 1)
        var sumNaive = 0.0
        let tNaive = measureSeconds {
            for i in 0..<m {
                let fresh = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)
                sumNaive += fresh.inverse(from: pts[2 * i], to: pts[2 * i + 1]).distance
            }
        }
        precondition(sum > 0 && sumNaive > 0)
        table.add("geodesic distance (geod_inverse)", size: "\(BenchFormat.grouped(Double(n))) pairs",
                  "\(BenchFormat.grouped(Double(n) / t)) pairs/s",
                  baseline: "naive loop, ellipsoid set up per pair: \(BenchFormat.grouped(Double(m) / tNaive)) pairs/s")
    }
}
