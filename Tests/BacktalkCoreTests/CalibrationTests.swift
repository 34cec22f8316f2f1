import BacktalkCore
import Testing

@Suite struct CalibrationTests {
  @Test func fitRecoversTheWeightsThatMadeTheOutcomes() {
    // Outcomes drawn deterministically from a known logistic model: at each point, the share
    // of right answers is the model's probability.
    let truth = Calibration(bias: -3, coverage: 4, lead: 2)
    var points: [(coverage: Double, lead: Double, right: Bool)] = []
    for coverageStep in 0...10 {
      for leadStep in 0...4 {
        let coverage = Double(coverageStep) / 10
        let lead = Double(leadStep) / 4
        let rightOfHundred = Int(
          (truth.probability(coverage: coverage, lead: lead) * 100).rounded())
        for index in 0..<100 { points.append((coverage, lead, index < rightOfHundred)) }
      }
    }
    let fitted = Calibration.fit(points)
    #expect(abs(fitted.bias - truth.bias) < 0.1)
    #expect(abs(fitted.coverage - truth.coverage) < 0.1)
    #expect(abs(fitted.lead - truth.lead) < 0.1)
  }

  @Test func probabilityRisesWithCoverageAndLead() {
    let calibration = Calibration(bias: -2, coverage: 3, lead: 3)
    #expect(
      calibration.probability(coverage: 0.5, lead: 0)
        < calibration.probability(coverage: 0.9, lead: 0))
    #expect(
      calibration.probability(coverage: 0.5, lead: 0)
        < calibration.probability(coverage: 0.5, lead: 1))
  }

  @Test func reportBinsConfidenceAndMeasuresTheGap() {
    // Ten answers at 0.9, of which 9 right (calibrated); ten at 0.55 of which 2 right.
    let points =
      (0..<10).map { (confidence: 0.9, right: $0 < 9) }
      + (0..<10).map { (confidence: 0.55, right: $0 < 2) }
    let report = CalibrationReport(points)
    #expect(report.bins.map(\.count) == [10, 10])
    #expect(abs(report.bins[1].accuracy - 0.9) < 1e-9)
    // Half the points are off by 0.35, half by nothing.
    #expect(abs(report.expectedError - 0.175) < 1e-9)
    let atHalf = report.curve.first { abs($0.threshold - 0.5) < 1e-9 }
    #expect(atHalf?.answered == 1)
    #expect(abs((atHalf?.accuracy ?? 0) - 0.55) < 1e-9)
  }

  @Test func aCalibrationNeedsAllThreeWeights() {
    #expect(Calibration(["bias": -1, "coverage": 2]) == nil)
    #expect(
      Calibration(["bias": -1, "coverage": 2, "lead": 3])
        == Calibration(bias: -1, coverage: 2, lead: 3))
  }
}
