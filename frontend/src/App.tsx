export default function App() {
  return (
    <main>
      <h1>InvestmentPlatform</h1>
      <p>Market data collection, storage, scheduling and analytics.</p>
    </main>
  )
}
