;; The sum of the integers below 10,000,000 with loop/recur.
(defn bench []
  (loop [i 0 acc 0]
    (if (< i 10000000)
      (recur (inc i) (+ acc i))
      acc)))

(bench.support/run bench)
