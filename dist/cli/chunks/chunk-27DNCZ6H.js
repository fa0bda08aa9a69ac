// core/cascade/predictor.ts
function isCascadePrediction(p) {
  return p.path === "local" || p.path === "fallback";
}
var isLocal = (p, threshold) => (typeof p.confidence === "number" ? p.confidence : 0) >= threshold;
function cascadePredictor(recipe, fallback, routing) {
  const route = async (inputs, local) => {
    const out = local.map((p) => ({
      output: p.output,
      ...p.confidence !== void 0 ? { confidence: p.confidence, recipe_confidence: p.confidence } : {},
      path: "local"
    }));
    const deferred = local.flatMap((p, i) => isLocal(p, routing.threshold) ? [] : [i]);
    if (deferred.length === 0) return out;
    const answers = await fallback.answer(deferred.map((i) => inputs[i]));
    deferred.forEach((i, k) => {
      const a = answers[k];
      if (a.error) {
        if (routing.onFallbackError !== "local") throw a.error;
        out[i] = { ...out[i], low_confidence: true, fallback_error: a.error.message };
        return;
      }
      const recipeConfidence = local[i].confidence;
      out[i] = {
        output: a.output,
        ...a.confidence !== void 0 ? { confidence: a.confidence } : {},
        ...recipeConfidence !== void 0 ? { recipe_confidence: recipeConfidence } : {},
        path: "fallback",
        ...a.latency_ms !== void 0 ? { fallback_ms: a.latency_ms } : {}
      };
    });
    return out;
  };
  return {
    async predict(input) {
      const [p] = await route([input], [await recipe.predict(input)]);
      return p;
    },
    async predictBatch(inputs) {
      return route(inputs, await recipe.predictBatch(inputs));
    },
    async close() {
      await recipe.close?.();
      await fallback.close?.();
    }
  };
}

export {
  isCascadePrediction,
  cascadePredictor
};
