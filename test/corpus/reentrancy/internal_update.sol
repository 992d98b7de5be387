// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Rewards {
    mapping(address => uint256) public rewards;
    uint256 public totalPaid;

    function fund() external payable {}

    function claim() external {
        uint256 r = rewards[msg.sender];
        (bool ok, ) = payable(msg.sender).call{value: r}(""); // @vulnerable: reentrancy
        require(ok, "pay");
        _settle(msg.sender, r);
    }

    function _settle(address user, uint256 r) internal {
        rewards[user] = 0;
        totalPaid += r;
    }
}
