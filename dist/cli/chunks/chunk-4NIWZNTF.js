// core/progress.ts
var silentReporter = {
  progress() {
  },
  info() {
  },
  warn() {
  }
};

export {
  silentReporter
};
