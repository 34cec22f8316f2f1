// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "backtalk",
  products: [
    .executable(name: "backtalk", targets: ["backtalk"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CReadline",
      pkgConfig: "readline",
      providers: [.apt(["libreadline-dev"])]
    ),
    .target(
      name: "BacktalkCore",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    // The knowledge files, embedded at build time so a copied binary still answers.
    .target(
      name: "BacktalkKnowledge",
      plugins: [.plugin(name: "EmbedKnowledge")]
    ),
    .executableTarget(name: "knowledge-embedder", dependencies: ["BacktalkCore"]),
    .plugin(
      name: "EmbedKnowledge",
      capability: .buildTool(),
      dependencies: ["knowledge-embedder"]
    ),
    .executableTarget(
      name: "backtalk",
      dependencies: [
        "BacktalkCore",
        "BacktalkKnowledge",
        "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fuzz target: scripts/fuzz builds it with libFuzzer; a plain build replays inputs.
    .executableTarget(name: "backtalk-fuzz", dependencies: ["BacktalkCore"]),
    .testTarget(
      name: "BacktalkCoreTests",
      dependencies: ["BacktalkCore", "BacktalkKnowledge"],
      exclude: ["Fixtures"]
    ),
  ]
)
