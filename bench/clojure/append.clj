;; 1,000,000 numbers conj'ed onto a persistent vector, then count + sum.
(defn build [n]
  (loop [i 0 xs []]
    (if (< i n)
      (recur (inc i) (conj xs i))
      xs)))

(defn bench []
  (let [xs (build 1000000)]
    (+ (count xs) (reduce + 0 xs))))

(bench.support/run bench)
