;; Takeuchi's function.
(defn tak [x y z]
  (if (< y x)
    (tak (tak (dec x) y z) (tak (dec y) z x) (tak (dec z) x y))
    z))

(defn bench []
  (+ (tak 18 12 6) (tak 24 16 8)))

(bench.support/run bench)
