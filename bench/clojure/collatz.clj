;; Collatz chains with result vectors [:ok len] / [:err reason]: the longest chain for starting
;; values below 30,000.
(defn collatz-len [n]
  (if (< n 1)
    [:err :not-positive]
    [:ok (loop [k n len 1]
           (cond
             (= k 1) len
             (even? k) (recur (quot k 2) (inc len))
             :else (recur (inc (* 3 k)) (inc len))))]))

(defn longest [limit]
  (loop [n 1 best 0 best-len 0]
    (if (< n limit)
      (let [[tag len] (collatz-len n)]
        (case tag
          :ok (if (> len best-len) (recur (inc n) n len) (recur (inc n) best best-len))
          :err (throw (ex-info "bad input" {:reason len}))))
      (+ (* best 1000) best-len))))

(defn bench [] (longest 30000))

(bench.support/run bench)
