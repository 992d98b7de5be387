// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract VestingWallet {
    address public immutable beneficiary;
    uint64 public immutable start;
    uint64 public immutable duration;
    uint256 public released;
    event EtherReleased(uint256 amount);
    error SendFailed();

    constructor(address b, uint64 s, uint64 d) {
        require(b != address(0), "zero beneficiary");
        beneficiary = b;
        start = s;
        duration = d;
    }

    receive() external payable {}

    function releasable() public view returns (uint256) {
        uint256 total = address(this).balance + released;
        if (block.timestamp < start) return 0;
        if (block.timestamp >= start + duration) return total - released;
        return (total * (block.timestamp - start)) / duration - released;
    }

    function release() external {
        uint256 amount = releasable();
        released += amount;
        emit EtherReleased(amount);
        (bool ok, ) = payable(beneficiary).call{value: amount}("");
        if (!ok) revert SendFailed();
    }
}
