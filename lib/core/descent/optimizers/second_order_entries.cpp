#include "descent/optimizers/second_order_entries.hpp"

#include "descent/optimizers/bfgs.hpp"
#include "descent/optimizers/lbfgs.hpp"
#include "descent/optimizers/newton.hpp"
#include "descent/optimizers/newton_cg.hpp"
#include "descent/optimizers/nonlinear_cg.hpp"
#include "descent/optimizers/regularized_newton.hpp"

namespace descent {

namespace {

// The line-search part every entry shares.
constexpr const char* kLineSearchText =
    "line_search = \"armijo\":       backtrack t from t₀ until φ(t) ≤ φ(0) + c₁ t φ'(0)\n"
    "line_search = \"strong_wolfe\": bracketing and zoom until also |φ'(t)| ≤ c₂ |φ'(0)|\n"
    "line_search = \"more_thuente\": the same conditions by Moré & Thuente's (1994) safeguarded\n"
    "  interpolation (MINPACK-2 dcsrch, as in L-BFGS-B and LBFGSpp)\n"
    "  (φ(t) = f(θ + t d), 0 < c₁ < c₂ < 1; no acceptable t in max_trials trials stops the run\n"
    "   with line_search_failed, or precision_limit when no decrease of f is representable)";

std::string with_line_search(std::string formula) {
  return formula.append("\n").append(kLineSearchText);
}

}  // namespace

void add_second_order_entries(std::vector<OptimizerEntry>& entries) {
  entries.push_back(optimizer_entry<Newton>({
      .name = "newton",
      .summary = "Newton's method: pure step (the lecture) or with a line search",
      .formula = with_line_search(
          "H = ∇²f(θ);   d = −H⁻¹ g   (Cholesky; LDLᵀ when H is indefinite)\n"
          "line_search = \"none\" (default): θ ← θ + d   (solves a quadratic with H ≻ 0 in one step)\n"
          "otherwise: θ ← θ + t d, t₀ = 1; gᵀd ≥ 0 stops with not_descent\n"
          "H singular stops with hessian_singular"),
      .source = "Nocedal & Wright, Numerical Optimization (2006), §3.3, Algorithm 3.2; "
                "Goodfellow et al. (2016), §8.6.1",
  }));
  entries.push_back(optimizer_entry<RegularizedNewton>({
      .name = "regularized_newton",
      .summary = "regularized Newton: (H + αI)⁻¹g, Levenberg–Marquardt α, saddle-free |λ|, clamped λ",
      .formula = with_line_search(
          "H = Q diag(λ) Qᵀ;   d = −Q diag(1 / (m(λᵢ) + α)) Qᵀ g;   θ ← θ + t d (t = 1 by default)\n"
          "regularization = \"fixed\":     m(λ) = λ        (H + αI; α → ∞ is GD with ε = 1/α)\n"
          "regularization = \"adaptive\":  m(λ) = λ; accept θ + d if f decreased, then\n"
          "                              α ← α/alpha_decrease, else α ← α·alpha_increase and retry\n"
          "regularization = \"abs_eigen\": m(λ) = |λ|      (saddle-free Newton)\n"
          "regularization = \"clamp\":     m(λ) = max(λ, δ)\n"
          "records alpha and negative_eigenvalues (of H) at every step"),
      .source = "Goodfellow et al. (2016), §8.6.1 (the lecture's H + αI); Nocedal & Wright "
                "(2006), §3.4; Levenberg (1944), Marquardt (1963); Dauphin et al. (2014), "
                "saddle-free Newton",
  }));
  entries.push_back(optimizer_entry<Bfgs>({
      .name = "bfgs",
      .summary = "BFGS with the inverse-Hessian update of the lecture",
      .formula = with_line_search(
          "d = −H g;   θ ← θ + t d   (t₀ = 1; min(1, 1/‖g‖₂) while H = H₀)\n"
          "s = θₖ₊₁ − θₖ,  y = gₖ₊₁ − gₖ,  ρ = 1/yᵀs\n"
          "H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ,   H₀ = I\n"
          "initial_scaling = \"scaled\": H₀ = (yᵀs/yᵀy) I before the first update\n"
          "yᵀs ≤ 0: nonpositive_curvature = \"skip\" keeps H; \"damp\" uses\n"
          "  s̃ = θs + (1 − θ)Hy, θ = 0.8 yᵀHy/(yᵀHy − sᵀy) when sᵀy < 0.2 yᵀHy"),
      .source = "Broyden, Fletcher, Goldfarb, Shanno (1970); Nocedal & Wright (2006), §6.1, "
                "eqs. 6.17, 6.20; Powell (1978) damping",
  }));
  entries.push_back(optimizer_entry<Lbfgs>({
      .name = "lbfgs",
      .summary = "limited-memory BFGS from the last m pairs (s, y)",
      .formula = with_line_search(
          "d = −H g,  H from H₀ = γI (γ = sᵀy/yᵀy, newest pair) and the last m pairs;\n"
          "θ ← θ + t d (t₀ = 1; no pairs yet: d = −g, t₀ = min(1, 1/‖g‖₂))\n"
          "two-loop recursion (ρᵢ = 1/yᵢᵀsᵢ):\n"
          "  q ← g;  newest → oldest: αᵢ = ρᵢ sᵢᵀq,  q ← q − αᵢ yᵢ\n"
          "  r ← γq; oldest → newest: β = ρᵢ yᵢᵀr,  r ← r + (αᵢ − β) sᵢ;   H g = r\n"
          "pairs with yᵀs ≤ 10⁻¹⁰‖s‖‖y‖ are not stored"),
      .source = "Nocedal (1980); Liu & Nocedal (1989); Nocedal & Wright (2006), §7.2, "
                "Algorithm 7.4",
  }));
  entries.push_back(optimizer_entry<NonlinearCg>({
      .name = "cg",
      .summary = "nonlinear conjugate gradients (FR, PR+, HS, DY) with restarts",
      .formula = with_line_search(
          "d₀ = −g₀;  dₖ = −gₖ + βₖ dₖ₋₁;  θ ← θ + t d;  y = gₖ − gₖ₋₁\n"
          "fletcher_reeves:    β = gₖᵀgₖ / gₖ₋₁ᵀgₖ₋₁\n"
          "polak_ribiere_plus: β = max(0, gₖᵀy / gₖ₋₁ᵀgₖ₋₁)\n"
          "hestenes_stiefel:   β = gₖᵀy / dₖ₋₁ᵀy\n"
          "dai_yuan:           β = gₖᵀgₖ / dₖ₋₁ᵀy\n"
          "restart d = −g every restart_every steps (0: n) and when gᵀd ≥ 0\n"
          "t₀ = tₖ₋₁ φ'ₖ₋₁(0)/φ'ₖ(0) (min(1, 1/‖g₀‖₂) at first); c₂ = 0.1 by default"),
      .source = "Fletcher & Reeves (1964); Polak & Ribière (1969); Hestenes & Stiefel (1952); "
                "Dai & Yuan (1999); Nocedal & Wright (2006), §5.2",
  }));
  entries.push_back(optimizer_entry<NewtonCg>({
      .name = "newton_cg",
      .summary = "Hessian-free truncated Newton: inner CG on Hessian-vector products",
      .formula = with_line_search(
          "solve H d = −g by CG from 0 with products Hv only, until ‖r‖ < η‖g‖,\n"
          "  or pᵀHp ≤ 0 (negative curvature: d = −g at the first inner step, else the\n"
          "  current iterate), or max_cg_iterations (0: n);   θ ← θ + t d, t₀ = 1\n"
          "forcing: superlinear η = min(0.5, √‖g‖); quadratic η = min(0.5, ‖g‖); fixed η = eta"),
      .source = "Nocedal & Wright (2006), Algorithm 7.1 (line-search Newton–CG); Martens "
                "(2010), Hessian-free optimization; Dembo, Eisenstat & Steihaug (1982)",
  }));
}

}  // namespace descent
