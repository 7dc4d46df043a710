;; map / filter / reduce over a lazy range of 1,000,000 numbers.
(defn bench []
  (->> (range 1000000)
       (map (fn [x] (mod (* x 7) 1000)))
       (filter even?)
       (map inc)
       (reduce + 0)))

(bench.support/run bench)
